/**
 * Worker scaling: jobs per second for each worker count, against linear.
 */
package dev.kafkapatterns.bench.scaling;
