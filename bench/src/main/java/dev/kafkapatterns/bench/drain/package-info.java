/**
 * The drain of a backlog: how long until every group has processed it.
 */
package dev.kafkapatterns.bench.drain;
