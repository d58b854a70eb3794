package io.fleetsim.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeploymentFoldsTest {

    private static final Deployment.ParallelLayout TP8 = new Deployment.ParallelLayout(8, 1, 1, 8, 1);

    private static Deployment deployment(String model, String version) {
        return new Deployment("b200_sxm", "trtllm", version, model, "", "fp8", "fp8", "agg", TP8);
    }

    private static MeasuredPoint point(String id, Deployment d, int clients, double ttft, double tpot) {
        return new MeasuredPoint(id, 1, d, 1024, 1024, clients, ttft, tpot);
    }

    @Test
    void deploymentsAreDealtInKeyOrderWhenNoneShareAMeasurement() {
        List<MeasuredPoint> points = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            points.add(point("p" + i, deployment("m" + i, "1.0"), 4, 100 + i, 10 + i));
        }
        DeploymentFolds folds = DeploymentFolds.of(points, 3);
        assertEquals(3, folds.folds());
        assertEquals(6, folds.deployments());
        assertEquals(6, folds.groups());
        for (int i = 0; i < 6; i++) {
            assertEquals(i % 3, folds.fold(points.get(i)));
        }
    }

    @Test
    void heldOutByAnotherUnitEveryDeploymentOfItLandsInOneFold() {
        // Two layouts of each of three models: by deployment six groups, by model three.
        List<MeasuredPoint> points = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Deployment d = new Deployment("b200_sxm", "trtllm", "1.0", "m" + (i % 3), "", "fp8", "fp8", "agg",
                    new Deployment.ParallelLayout(i < 3 ? 4 : 8, 1, 1, i < 3 ? 4 : 8, 1));
            points.add(point("p" + i, d, 4, 100 + i, 10 + i));
        }
        assertEquals(6, DeploymentFolds.of(points, 5).groups());
        DeploymentFolds byModel = DeploymentFolds.of(points, 5, p -> p.deployment().model());
        assertEquals(3, byModel.groups());
        assertEquals(3, byModel.folds());
        for (int i = 0; i < 3; i++) {
            assertEquals(byModel.fold(points.get(i)), byModel.fold(points.get(i + 3)));
            assertNotEquals(byModel.fold(points.get(i)), byModel.fold(points.get((i + 1) % 3)));
        }
    }

    @Test
    void twoCheckpointsOfOneArchitectureAreOneModelToHoldOut() {
        io.fleetsim.hardware.HardwareCatalog catalog = io.fleetsim.scenario.CatalogReader.builtIn();
        assertEquals(HeldOut.shapes(catalog.model("deepseek-r1")), HeldOut.shapes(catalog.model("deepseek-v3")));
        assertNotEquals(HeldOut.shapes(catalog.model("llama-3.1-70b")), HeldOut.shapes(catalog.model("llama-3.1-8b")));
    }

    @Test
    void aMeasurementListedUnderTwoDeploymentsPutsBothInOneFold() {
        // The same run as "R1" with a version and as "V3" without: one measurement, two labels.
        Deployment r1 = deployment("deepseek-ai/DeepSeek-R1", "1.2.0");
        Deployment v3 = deployment("deepseek-ai/DeepSeek-V3", "");
        Deployment other = deployment("deepseek-ai/DeepSeek-R1", "1.1.0");
        List<MeasuredPoint> points = List.of(
                point("a", r1, 4, 188.51954571437090, 10.302094042642429),
                point("b", v3, 4, 188.5195457143709, 10.302094042642429),
                point("c", v3, 64, 642.0, 21.5),
                point("d", other, 4, 190.0, 10.4));
        DeploymentFolds folds = DeploymentFolds.of(points, 5);
        assertEquals(3, folds.deployments());
        assertEquals(2, folds.groups());
        assertEquals(2, folds.folds());
        assertEquals(folds.fold(points.get(0)), folds.fold(points.get(1)));
        assertEquals(folds.fold(points.get(1)), folds.fold(points.get(2)));
        assertNotEquals(folds.fold(points.get(0)), folds.fold(points.get(3)));
    }

    @Test
    void linksAreTransitive() {
        Deployment a = deployment("a", "1");
        Deployment b = deployment("b", "1");
        Deployment c = deployment("c", "1");
        Deployment d = deployment("d", "1");
        List<MeasuredPoint> points = List.of(
                point("a1", a, 4, 1, 1), point("c1", c, 4, 1, 1),
                point("c2", c, 8, 2, 2), point("b2", b, 8, 2, 2),
                point("d1", d, 16, 3, 3));
        DeploymentFolds folds = DeploymentFolds.of(points, 2);
        assertEquals(2, folds.groups());
        assertEquals(folds.fold(points.get(0)), folds.fold(points.get(3)));
        assertNotEquals(folds.fold(points.get(0)), folds.fold(points.get(4)));
    }

    @Test
    void oneGroupMeansNoCrossValidation() {
        Deployment a = deployment("a", "1");
        Deployment b = deployment("b", "1");
        List<MeasuredPoint> points = List.of(point("a", a, 4, 1, 1), point("b", b, 4, 1, 1));
        assertEquals(0, DeploymentFolds.of(points, 5).folds());
    }

    @Test
    void aPointNotDealtIsAnError() {
        DeploymentFolds folds = DeploymentFolds.of(List.of(point("a", deployment("a", "1"), 4, 1, 1)), 5);
        assertThrows(IllegalArgumentException.class, () -> folds.fold(point("z", deployment("z", "1"), 4, 1, 1)));
    }
}
