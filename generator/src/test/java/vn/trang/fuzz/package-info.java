/**
 * Coverage-guided fuzz tests (Jazzer). Without {@code JAZZER_FUZZ} each {@code @FuzzTest} replays
 * the inputs kept under {@code src/test/resources/vn/trang/fuzz/<Class>Inputs/<method>/} as plain
 * tests: the seed corpus and every input that once failed. docs/SECURITY.md says how to fuzz for
 * longer before a release.
 */
package vn.trang.fuzz;
