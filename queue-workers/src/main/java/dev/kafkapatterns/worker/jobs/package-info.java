/**
 * Jobs: every event is a job with simulated work, done once per instance and committed only
 * when done.
 */
package dev.kafkapatterns.worker.jobs;
