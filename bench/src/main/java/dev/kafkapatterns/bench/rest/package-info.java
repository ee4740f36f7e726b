/**
 * REST publishing at a fixed concurrency, and the client for the producer-service's API.
 */
package dev.kafkapatterns.bench.rest;
