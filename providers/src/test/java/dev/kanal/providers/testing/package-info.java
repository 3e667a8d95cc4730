/**
 * Test support shared through the providers test-jar: {@link dev.kanal.providers.testing.Fixtures}
 * (shared real captures and our own pages), fake sites on WireMock serving a small consistent
 * {@link dev.kanal.providers.testing.FakeCatalog} ({@link dev.kanal.providers.testing.FakeAniWorld},
 * {@link dev.kanal.providers.testing.FakeSto}, {@link dev.kanal.providers.testing.FakeMegakino},
 * or all three via {@link dev.kanal.providers.testing.FakeSites}), and hand-driven clocks.
 */
package dev.kanal.providers.testing;
