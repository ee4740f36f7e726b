package dev.kafkapatterns.dashboard.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts a Content-Security-Policy on every answer: scripts only from the dashboard's own files
 * (no inline script, no {@code eval}, nothing from elsewhere), no plugins, no framing. Even if
 * text from an event ever reached the page as markup, the browser would not run it.
 */
@Component
class SecurityHeadersFilter extends OncePerRequestFilter {

	/** The policy of the dashboard's own page and API. */
	static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
			+ "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

	/** Swagger UI sets inline styles; scripts stay as strict as on the dashboard's page. */
	static final String SWAGGER_UI_POLICY = POLICY.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'");

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		boolean swaggerUi = request.getRequestURI().startsWith(request.getContextPath() + "/swagger-ui");
		response.setHeader("Content-Security-Policy", swaggerUi ? SWAGGER_UI_POLICY : POLICY);
		response.setHeader("X-Content-Type-Options", "nosniff");
		response.setHeader("Referrer-Policy", "no-referrer");
		response.setHeader("X-Frame-Options", "DENY");
		chain.doFilter(request, response);
	}

}
