package dev.kafkapatterns.producer.web;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Applies {@code app.publish.max-body-size} before anything parses the body. A declared
 * {@code Content-Length} over the limit is refused with 413 at once, without reading the body; a
 * chunked body is counted as it is read and fails with {@link BodyTooLargeException} at the first
 * byte over the limit.
 */
class RequestBodyLimitFilter extends OncePerRequestFilter {

	private final long limit;

	private final JsonMapper json;

	RequestBodyLimitFilter(long limit, JsonMapper json) {
		this.limit = limit;
		// The mixin writes a problem's extra properties at the top level, as Spring MVC does.
		this.json = json.rebuild().addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class).build();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getContentLengthLong() > this.limit) {
			ProblemDetail problem = ApiExceptionHandler.bodyTooLarge(this.limit);
			problem.setInstance(instance(request));
			response.setStatus(problem.getStatus());
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			this.json.writeValue(response.getOutputStream(), problem);
			return;
		}
		chain.doFilter(new LimitedRequest(request, this.limit), response);
	}

	private static URI instance(HttpServletRequest request) {
		try {
			return new URI(request.getRequestURI());
		}
		catch (URISyntaxException ex) {
			return null;
		}
	}

	private static final class LimitedRequest extends HttpServletRequestWrapper {

		private final long limit;

		private ServletInputStream stream;

		LimitedRequest(HttpServletRequest request, long limit) {
			super(request);
			this.limit = limit;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (this.stream == null) {
				this.stream = new LimitedInputStream(super.getInputStream(), this.limit);
			}
			return this.stream;
		}

		@Override
		public BufferedReader getReader() throws IOException {
			String encoding = getCharacterEncoding();
			Charset charset = (encoding != null) ? Charset.forName(encoding) : StandardCharsets.UTF_8;
			return new BufferedReader(new InputStreamReader(getInputStream(), charset));
		}

	}

	private static final class LimitedInputStream extends ServletInputStream {

		private final ServletInputStream delegate;

		private final long limit;

		private long count;

		LimitedInputStream(ServletInputStream delegate, long limit) {
			this.delegate = delegate;
			this.limit = limit;
		}

		@Override
		public int read() throws IOException {
			int b = this.delegate.read();
			if (b != -1) {
				count(1);
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int read = this.delegate.read(buffer, offset, length);
			if (read > 0) {
				count(read);
			}
			return read;
		}

		private void count(int read) throws BodyTooLargeException {
			this.count += read;
			if (this.count > this.limit) {
				throw new BodyTooLargeException(this.limit);
			}
		}

		@Override
		public boolean isFinished() {
			return this.delegate.isFinished();
		}

		@Override
		public boolean isReady() {
			return this.delegate.isReady();
		}

		@Override
		public void setReadListener(ReadListener listener) {
			this.delegate.setReadListener(listener);
		}

	}

}
