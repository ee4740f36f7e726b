/**
 * Reading exceptions: the one walk of a cause chain every service shares.
 */
package dev.kafkapatterns.support.errors;
