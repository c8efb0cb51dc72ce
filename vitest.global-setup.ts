/**
 * Unit tests load the test models from fixtures/models (the replicas of every listed model among
 * them), so every run writes them first: about two seconds, and never a stale model after the
 * builders changed.
 */
export default async function buildTestModels(): Promise<void> {
  const { buildFixtures } = await import('./scripts/fixtures/build.ts');
  await buildFixtures();
}
