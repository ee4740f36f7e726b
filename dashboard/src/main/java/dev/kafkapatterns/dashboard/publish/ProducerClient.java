package dev.kafkapatterns.dashboard.publish;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import dev.kafkapatterns.dashboard.DashboardProperties;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * Publishes through the producer-service's REST API, {@code POST /api/events/batch}: the same
 * contract {@code curl} uses. The URL is configuration ({@code dashboard.producer-url}), never
 * taken from a request.
 */
@Component
class ProducerClient {

	/** The producer's answer to a batch of 1000 is about 130 KB; anything far larger is not its answer. */
	private static final int MAX_ANSWER_BYTES = 2 * 1024 * 1024;

	private final RestClient rest;

	private final URI producerUrl;

	private final Duration timeout;

	ProducerClient(DashboardProperties properties) {
		this.producerUrl = properties.producerUrl();
		this.timeout = properties.publishTimeout();
		HttpClient http = HttpClient.newBuilder()
			.connectTimeout(this.timeout)
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(http);
		requests.setReadTimeout(this.timeout);
		this.rest = RestClient.builder().requestFactory(requests).baseUrl(this.producerUrl.toString()).build();
	}

	/**
	 * Sends a batch and returns the producer-service's answer, whatever its status.
	 * @param batch the JSON array of events
	 * @return the answer
	 * @throws ProducerUnavailableException when the producer-service does not answer in time
	 */
	ProducerAnswer publish(String batch) {
		try {
			return this.rest.post()
				.uri("/api/events/batch")
				.contentType(MediaType.APPLICATION_JSON)
				.accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON)
				.body(batch)
				.exchange((request, response) -> new ProducerAnswer(response.getStatusCode().value(),
						response.getHeaders().getContentType(), response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER),
						read(response.getBody())));
		}
		catch (ResourceAccessException ex) {
			throw new ProducerUnavailableException("The producer-service at " + this.producerUrl
					+ " did not answer within " + this.timeout.toMillis() + " ms (" + rootMessage(ex)
					+ "). Nothing was published by the dashboard; check that the producer-service runs.", ex);
		}
	}

	private static String read(InputStream body) throws IOException {
		byte[] bytes = body.readNBytes(MAX_ANSWER_BYTES + 1);
		if (bytes.length > MAX_ANSWER_BYTES) {
			throw new IOException("The answer is larger than " + MAX_ANSWER_BYTES + " bytes");
		}
		return new String(bytes, StandardCharsets.UTF_8);
	}

	private static String rootMessage(Throwable ex) {
		Throwable cause = ex;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		return cause.getClass().getSimpleName() + ((cause.getMessage() != null) ? ": " + cause.getMessage() : "");
	}

}
