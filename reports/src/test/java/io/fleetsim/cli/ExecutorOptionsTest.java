package io.fleetsim.cli;

import static io.fleetsim.cli.CliRunner.fleetsim;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --executor}: without the Spark module on the class path, spark is refused in one line with exit code 2. */
class ExecutorOptionsTest {

    @TempDir
    Path tmp;

    @Test
    void sparkWithoutTheSparkModuleIsExit2NamingHowToGetIt() {
        for (String command : new String[] {"sweep", "optimize"}) {
            CliRunner.Result r = fleetsim(command, "scenarios/sweep/mmc-servers.yaml", "--vary",
                    "pools[servers].replicas=5,6", "--out", tmp.resolve(command).toString(), "--executor", "spark");
            assertEquals(2, r.code(), r.describe());
            assertTrue(r.err().contains("the Spark executor is not in this jar")
                    && r.err().contains("reports/spark/target/fleetsim-spark.jar"), r.describe());
        }
    }

    @Test
    void unknownExecutorsAndSparkSettingsWithoutSparkAreRefused() {
        CliRunner.Result r = fleetsim("sweep", "scenarios/sweep/mmc-servers.yaml", "--vary", "pools[servers].replicas=5",
                "--out", tmp.resolve("a").toString(), "--executor", "ray");
        assertEquals(2, r.code(), r.describe());
        assertTrue(r.err().contains("--executor: local or spark (got \"ray\")"), r.describe());
        r = fleetsim("sweep", "scenarios/sweep/mmc-servers.yaml", "--vary", "pools[servers].replicas=5",
                "--out", tmp.resolve("b").toString(), "--master", "local[2]");
        assertEquals(2, r.code(), r.describe());
        assertTrue(r.err().contains("--master and --spark-conf need --executor spark"), r.describe());
    }
}
