/**
 * The HTTP edge shared by every endpoint: the body size limit, applied before parsing, and the
 * mapping of every failure to an {@code application/problem+json} answer that names the problem
 * without stack traces or internal class names.
 */
package dev.kafkapatterns.producer.web;
