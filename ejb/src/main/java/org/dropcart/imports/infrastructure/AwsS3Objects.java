package org.dropcart.imports.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.format.DateTimeFormatter;
import org.dropcart.imports.application.ImportSettings;
import org.dropcart.imports.domain.EntryPath;
import org.dropcart.imports.domain.ImportRefused;
import org.dropcart.imports.domain.RemoteFiles;
import org.dropcart.imports.domain.S3Objects;
import org.dropcart.platform.domain.Failures;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * {@link S3Objects} on the AWS SDK v2: AWS itself, or any S3-compatible store at {@code
 * dropcart.imports.s3.endpoint} (path-style addressing by default there), with static credentials
 * or the SDK's default chain (environment, profile, instance role).
 */
@ApplicationScoped
public class AwsS3Objects implements S3Objects {
  private static final int BUFFER = 256 * 1024;
  private static final long REPORT_EVERY = 1024 * 1024;

  @Inject private ImportSettings settings;

  @Override
  public RemoteFiles.Fetched fetch(URI url, RemoteFiles.Validators held, Path target, RemoteFiles.Progress progress)
      throws IOException, ImportRefused {
    String bucket = url.getHost();
    String key = url.getPath() == null ? "" : url.getPath().replaceFirst("^/", "");
    if (bucket == null || bucket.isBlank() || key.isBlank()) {
      throw new ImportRefused("an S3 URL is s3://bucket/key");
    }
    GetObjectRequest.Builder request = GetObjectRequest.builder().bucket(bucket).key(key);
    if (held != null && held.etag() != null) {
      request.ifNoneMatch(held.etag());
    }
    try (S3Client s3 = client();
        ResponseInputStream<GetObjectResponse> in = s3.getObject(request.build())) {
      GetObjectResponse object = in.response();
      Long length = object.contentLength();
      if (length != null && length > settings.maxDownload()) {
        throw new ImportRefused("the object is " + length + " bytes, more than dropcart.imports.max-download allows");
      }
      long size = copy(in, target, length, progress);
      if (length != null && size != length) {
        throw new ImportRefused("the download is truncated: " + size + " of " + length + " bytes arrived");
      }
      String modified = object.lastModified() == null ? null
          : DateTimeFormatter.RFC_1123_DATE_TIME.format(object.lastModified().atZone(java.time.ZoneOffset.UTC));
      return new RemoteFiles.Fetched(false, size, object.eTag(), modified, EntryPath.baseName(key));
    } catch (S3Exception e) {
      if (e.statusCode() == 304 && held != null) {
        return new RemoteFiles.Fetched(true, -1, held.etag(), held.lastModified(), null);
      }
      String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
      throw new ImportRefused("the store answered HTTP " + e.statusCode() + (code == null ? "" : " " + code)
          + " for s3://" + bucket + "/" + key);
    } catch (SdkClientException e) {
      throw new ImportRefused("the store could not be reached: " + Failures.describe(e));
    }
  }

  private S3Client client() {
    S3ClientBuilder b = S3Client.builder()
        .httpClientBuilder(UrlConnectionHttpClient.builder().connectionTimeout(settings.connectTimeout())
            .socketTimeout(settings.idleTimeout()))
        .region(Region.of(settings.s3Region()))
        .credentialsProvider(credentials());
    settings.s3Endpoint().ifPresent(endpoint -> b.endpointOverride(endpoint));
    b.forcePathStyle(settings.s3PathStyle());
    return b.build();
  }

  private AwsCredentialsProvider credentials() {
    return settings.s3AccessKey()
        .<AwsCredentialsProvider>map(access -> StaticCredentialsProvider.create(
            AwsBasicCredentials.create(access, settings.s3SecretKey().orElse(""))))
        .orElseGet(DefaultCredentialsProvider::create);
  }

  private static long copy(InputStream in, Path target, Long length, RemoteFiles.Progress progress)
      throws IOException, ImportRefused {
    long size = 0;
    long reported = 0;
    try (OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING)) {
      byte[] buffer = new byte[BUFFER];
      for (int n; (n = in.read(buffer)) >= 0; ) {
        out.write(buffer, 0, n);
        size += n;
        if (size - reported >= REPORT_EVERY) {
          progress.bytes(size, length);
          reported = size;
        }
      }
    } catch (IOException e) {
      throw new ImportRefused("the download broke off after " + size + " bytes: " + e.getMessage());
    }
    progress.bytes(size, length);
    return size;
  }
}
