/**
 * The live feed to each open page: Server-Sent Events, coalesced, with a bounded cost per client.
 */
package dev.kafkapatterns.dashboard.stream;
