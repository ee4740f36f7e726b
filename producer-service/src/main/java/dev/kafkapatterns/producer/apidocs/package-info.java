/**
 * The OpenAPI 3.1 description of the REST API ({@code /v3/api-docs}, Swagger UI at
 * {@code /swagger-ui.html}), built from the controllers and the request records, so the
 * constraints it shows are the ones the validation applies. Nothing depends on this package.
 */
package dev.kafkapatterns.producer.apidocs;
