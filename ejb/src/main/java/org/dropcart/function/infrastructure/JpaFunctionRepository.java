package org.dropcart.function.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.dropcart.function.domain.Call;
import org.dropcart.function.domain.CallStatus;
import org.dropcart.function.domain.Function;
import org.dropcart.function.domain.FunctionRepository;
import org.dropcart.function.domain.FunctionRuntime;
import org.dropcart.platform.domain.Listing;
import org.dropcart.platform.domain.Page;
import org.dropcart.platform.infrastructure.persistence.JpqlListing;

@ApplicationScoped
public class JpaFunctionRepository implements FunctionRepository {
  @PersistenceContext(unitName = "dropcart")
  private EntityManager em;

  @Override
  public Optional<FunctionRuntime> runtime(String name) {
    return name == null ? Optional.empty() : Optional.ofNullable(em.find(FunctionRuntime.class, name));
  }

  @Override
  public void store(FunctionRuntime runtime) {
    em.persist(runtime);
  }

  @Override
  public List<String> runtimeNames() {
    return em.createNamedQuery("FunctionRuntime.names", String.class).getResultList();
  }

  @Override
  public Optional<Function> function(String name) {
    return name == null ? Optional.empty() : Optional.ofNullable(em.find(Function.class, name));
  }

  @Override
  public void store(Function function) {
    em.persist(function);
  }

  @Override
  public List<String> functionNames() {
    return em.createNamedQuery("Function.names", String.class).getResultList();
  }

  @Override
  public Optional<Call> call(long callNum) {
    return Optional.ofNullable(em.find(Call.class, callNum));
  }

  @Override
  public void store(Call call) {
    em.persist(call);
  }

  @Override
  public List<Call> calls(int offset, int limit) {
    return em.createNamedQuery("Call.all", Call.class).setFirstResult(offset).setMaxResults(limit).getResultList();
  }

  @Override
  public List<Call> runningSince(Instant before) {
    return em.createNamedQuery("Call.runningSince", Call.class).setParameter("before", before).getResultList();
  }

  @Override
  public java.util.Map<String, Long> countByStatus() {
    return org.dropcart.platform.infrastructure.persistence.StatusCounts.of(em, "Call", "status", CallStatus.class);
  }

  private static final java.util.Map<String, String> CALL_SORTS = java.util.Map.of(
      "callNum", "c.callNum", "funcName", "c.funcName", "status", "c.status", "durationMs", "c.durationMs");

  @Override
  public Page<Call> listedCalls(Listing listing) {
    JpqlListing<Call> calls = new JpqlListing<>(Call.class, "c", "c.callNum");
    listing.filter("status").ifPresent(
        s -> calls.where("c.status = :status", "status", JpqlListing.constant(CallStatus.class, "status", s)));
    listing.filter("funcName").ifPresent(name ->
        calls.where("LOWER(c.funcName) LIKE :funcName ESCAPE '\\'", "funcName", JpqlListing.containing(name)));
    listing.filter("worker").ifPresent(worker ->
        calls.where("LOWER(c.worker) LIKE :worker ESCAPE '\\'", "worker", JpqlListing.containing(worker)));
    return calls.pageNewestFirst(em, listing, CALL_SORTS, "callNum");
  }
}
