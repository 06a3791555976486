// Seeds and measures the grouping benchmark against Dropcart's own H2 database, which the running
// server shares through H2's AUTO_SERVER mode. Run with the H2 jar on the class path:
//   java -cp h2.jar Bench.java seed    URL N POOL_IDS   (N synthetic stored files, pending, on time)
//   java -cp h2.jar Bench.java reset   URL              (every file pending again, no groups)
//   java -cp h2.jar Bench.java check   URL              (prints files grouped, groups, files in two groups)
//   java -cp h2.jar Bench.java baseline URL             (the same grouping as set-based SQL; prints ms)
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

public class Bench {
  public static void main(String[] args) throws Exception {
    try (Connection c = DriverManager.getConnection(args[1], "dropcart", "dropcart");
        Statement s = c.createStatement()) {
      switch (args[0]) {
        case "seed" -> seed(s, Long.parseLong(args[2]), args[3].split(","));
        case "reset" -> reset(s);
        case "check" -> check(s);
        case "baseline" -> baseline(s);
        default -> throw new IllegalArgumentException(args[0]);
      }
    }
  }

  /**
   * N files spread round-robin over the pools, one every 250 ms of timestamp from two days ahead
   * (so every window is open and no file is late), each stored when it was made.
   */
  static void seed(Statement s, long n, String[] pools) throws Exception {
    StringBuilder caseExpr = new StringBuilder("CASE MOD(X, " + pools.length + ")");
    for (int i = 0; i < pools.length; i++) {
      caseExpr.append(" WHEN ").append(i).append(" THEN '").append(pools[i]).append("'");
    }
    caseExpr.append(" END");
    s.execute("INSERT INTO grouped_files (file_name, pool_id, owner_id, client_id, name, ts, stored_at, size, sha256,"
        + " state, group_id, late) SELECT 'bench-' || LPAD(CAST(X AS VARCHAR), 8, '0'), " + caseExpr
        + ", NULL, 'bench-client', 'f' || X || '.csv',"
        + " DATEADD(MILLISECOND, X * 250, CURRENT_TIMESTAMP + INTERVAL '2' DAY), CURRENT_TIMESTAMP, 1000 + MOD(X, 5000),"
        + " '0000000000000000000000000000000000000000000000000000000000000000', 'PENDING', NULL, FALSE"
        + " FROM SYSTEM_RANGE(1, " + n + ")");
    System.out.println("seeded " + n);
  }

  static void reset(Statement s) throws Exception {
    s.execute("UPDATE grouped_files SET state = 'PENDING', group_id = NULL, late = FALSE");
    s.execute("DELETE FROM file_groups");
  }

  static void check(Statement s) throws Exception {
    try (ResultSet r = s.executeQuery("SELECT (SELECT COUNT(*) FROM grouped_files WHERE state = 'GROUPED'),"
        + " (SELECT COUNT(*) FROM file_groups), (SELECT COALESCE(SUM(file_count), 0) FROM file_groups)")) {
      r.next();
      System.out.println(r.getLong(1) + " " + r.getLong(2) + " " + r.getLong(3));
    }
  }

  /**
   * The floor: the database alone, set-based, places every pending file in its window's group (made
   * in one INSERT ... SELECT with its count and bytes) with one UPDATE. No late-file rules, no
   * chunks, no checkpoints.
   */
  static void baseline(Statement s) throws Exception {
    String epoch = "TIMESTAMP WITH TIME ZONE '1970-01-01 00:00:00+00'";
    String start = "DATEADD(SECOND, FLOOR(DATEDIFF(SECOND, " + epoch + ", f.ts) / p.grouping_window_seconds)"
        + " * p.grouping_window_seconds, " + epoch + ")";
    long t0 = System.nanoTime();
    s.execute("INSERT INTO file_groups (id, pool_id, window_start, window_end, seals_at, status, file_count, bytes,"
        + " created_at, version, dispatch_attempts) SELECT RANDOM_UUID(), pool_id, ws,"
        + " DATEADD(SECOND, w, ws), DATEADD(SECOND, w + l, ws), 'OPEN', COUNT(*), SUM(size), CURRENT_TIMESTAMP, 1, 0"
        + " FROM (SELECT f.pool_id, f.size, p.grouping_window_seconds w, p.lateness_seconds l, " + start + " ws"
        + " FROM grouped_files f JOIN pools p ON p.id = f.pool_id WHERE f.state = 'PENDING') GROUP BY pool_id, ws, w, l");
    s.execute("UPDATE grouped_files f SET state = 'GROUPED', group_id = (SELECT g.id FROM file_groups g"
        + " JOIN pools p ON p.id = g.pool_id WHERE g.pool_id = f.pool_id AND g.window_start = " + start + ")"
        + " WHERE f.state = 'PENDING'");
    System.out.println((System.nanoTime() - t0) / 1_000_000);
  }
}
