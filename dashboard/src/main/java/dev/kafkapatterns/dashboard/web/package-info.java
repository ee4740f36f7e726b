/**
 * What the whole web side shares: security headers, HTML-safe JSON, problem answers and the
 * OpenAPI description.
 */
package dev.kafkapatterns.dashboard.web;
