package dev.kafkapatterns.dashboard.publish;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a publish request whose body is larger than the producer-service would take anyway,
 * before it is read, so that a large or endless body cannot fill the dashboard's memory.
 */
@Component
class PublishBodyLimitFilter extends OncePerRequestFilter {

	/** The producer-service takes 256 KB per request; the form sends one event. */
	static final long MAX_BODY_BYTES = 256 * 1024;

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !"/api/publish".equals(request.getRequestURI().substring(request.getContextPath().length()));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long length = request.getContentLengthLong();
		if (length < 0) {
			problem(response, HttpStatus.LENGTH_REQUIRED, "A publish request needs a Content-Length.");
		}
		else if (length > MAX_BODY_BYTES) {
			problem(response, HttpStatus.CONTENT_TOO_LARGE,
					"The request body is larger than the limit of " + MAX_BODY_BYTES + " bytes. Nothing was published.");
		}
		else {
			chain.doFilter(request, response);
		}
	}

	private static void problem(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		// The detail is a constant text here, so it needs no JSON escaping.
		response.getOutputStream()
			.write(("{\"type\":\"about:blank\",\"title\":\"" + status.getReasonPhrase() + "\",\"status\":"
					+ status.value() + ",\"detail\":\"" + detail + "\"}")
				.getBytes(StandardCharsets.UTF_8));
	}

}
