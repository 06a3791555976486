package org.dropcart.platform.infrastructure.config;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.interceptor.Interceptor;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The application's own configuration for every {@code @Inject Config} in Dropcart. Payara's
 * built-in bean resolves against the calling thread's context: a bean first created on one of
 * Payara's threads (a health check, say) would get only the server-level sources and miss the
 * defaults in {@code META-INF/microprofile-config.properties}. The application's classloader
 * always names the right configuration.
 */
@ApplicationScoped
@Alternative
@Priority(Interceptor.Priority.APPLICATION)
public class ApplicationConfig {
  @Produces
  @Alternative
  Config applicationConfig() {
    return ConfigProvider.getConfig(ApplicationConfig.class.getClassLoader());
  }
}
