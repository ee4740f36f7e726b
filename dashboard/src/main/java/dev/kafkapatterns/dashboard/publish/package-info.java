/**
 * Publishing from the page, through the producer-service's REST API and nothing else.
 */
package dev.kafkapatterns.dashboard.publish;
