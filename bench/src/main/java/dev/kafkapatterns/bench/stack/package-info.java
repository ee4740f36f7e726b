/**
 * The system under test: started through local-stack's jar as a child process, or one that runs already.
 */
package dev.kafkapatterns.bench.stack;
