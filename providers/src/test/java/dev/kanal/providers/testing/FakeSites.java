package dev.kanal.providers.testing;

import dev.kanal.providers.ProviderSettings;

/**
 * All three fake sites at once, each on its own random port, each with its default small catalogue
 * ({@link FakeCatalog#anime()}, {@link FakeCatalog#series()}, {@link FakeCatalog#movies()}).
 * {@link #settings()} points {@link dev.kanal.providers.Providers#create} at them, private
 * addresses allowed. AniWorld sits behind a path prefix to keep that path exercised.
 */
public final class FakeSites implements AutoCloseable {
    private final FakeAniWorld aniworld;
    private final FakeSto sto;
    private final FakeMegakino megakino;

    private FakeSites(FakeAniWorld aniworld, FakeSto sto, FakeMegakino megakino) {
        this.aniworld = aniworld;
        this.sto = sto;
        this.megakino = megakino;
    }

    public static FakeSites start() {
        return start(FakeCatalog.anime(), FakeCatalog.series(), FakeCatalog.movies());
    }

    public static FakeSites start(FakeCatalog anime, FakeCatalog series, FakeCatalog movies) {
        return new FakeSites(new FakeAniWorld(anime, "/aniworld"), new FakeSto(series, ""), new FakeMegakino(movies, ""));
    }

    public FakeAniWorld aniworld() {
        return aniworld;
    }

    public FakeSto sto() {
        return sto;
    }

    public FakeMegakino megakino() {
        return megakino;
    }

    public ProviderSettings settings() {
        return FakeSite.settingsFor(aniworld, sto, megakino);
    }

    @Override
    public void close() {
        aniworld.close();
        sto.close();
        megakino.close();
    }
}
