/**
 * JSON that is safe to put into a page: every answer and every stream message escapes
 * {@code <}, {@code >}, {@code &} and quotes, so text from an event can never close a tag.
 */
package dev.kafkapatterns.dashboard.json;
