package dev.kafkapatterns.dashboard.publish;

import org.springframework.http.MediaType;

/**
 * What the producer-service answered, passed on to the page as it is.
 *
 * @param status the HTTP status
 * @param contentType its content type
 * @param retryAfter its {@code Retry-After} header, or {@code null}
 * @param body its body
 */
record ProducerAnswer(int status, MediaType contentType, String retryAfter, String body) {
}
