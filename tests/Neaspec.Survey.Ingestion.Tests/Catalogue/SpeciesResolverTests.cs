using Neaspec.Survey.Storage;
using Neaspec.Survey.Storage.Model;
using Neaspec.Survey.Storage.Names;

namespace Neaspec.Survey.Ingestion.Tests.Catalogue;

/// <summary>The resolver on the seed catalogue, without a database: Traditional/Simplified folding, the other
/// spellings a key ignores, and the suggestions for a name it does not know.</summary>
public sealed class SpeciesResolverTests
{
    private static SpeciesResolver Seed() => SpeciesResolver.Of(SpeciesCatalogue.Seed);

    [Theory]
    // The cases: Taiwan's name in Traditional characters, and in Simplified ones, which no checklist lists.
    [InlineData("黑面琵鷺", "Platalea minor")]
    [InlineData("黑面琵鹭", "Platalea minor")]
    // Hong Kong writes the mainland's word in Traditional characters: 黑臉琵鷺 folds to the zh-Hans name 黑脸琵鹭.
    [InlineData("黑臉琵鷺", "Platalea minor")]
    [InlineData("白頭鶴", "Grus monacha")]
    [InlineData("白头鹤", "Grus monacha")]
    [InlineData("白枕鶴", "Antigone vipio")]
    [InlineData("白枕鹤", "Antigone vipio")]
    // Mixed scripts inside one name (a sheet typed on two keyboards) fold too.
    [InlineData("丹顶鶴", "Grus japonensis")]
    public void Traditional_and_simplified_spellings_resolve_alike(string written, string scientific) =>
        Assert.Equal(scientific, Seed().Resolve(written));

    [Theory]
    [InlineData("なべづる", "Grus monacha")]       // Hiragana for the Katakana ナベヅル
    [InlineData("Black faced Spoonbill", "Platalea minor")]
    [InlineData("BLACK‐FACED  SPOONBILL", "Platalea minor")] // U+2010 HYPHEN and two spaces
    [InlineData("Ｈｏｏｄｅｄ Ｃｒａｎｅ", "Grus monacha")]  // full-width Latin
    public void A_key_ignores_syllabary_hyphens_spacing_and_width(string written, string scientific) =>
        Assert.Equal(scientific, Seed().Resolve(written));

    [Fact]
    public void Folding_holds_for_names_added_later()
    {
        // Spoon-billed Sandpiper added with its Traditional name only (as a Taiwan admin would): the Simplified
        // spelling resolves without anyone typing it in.
        var resolver = SpeciesResolver.Of([new Species { ScientificName = "Calidris pygmaea", NameZhHant = "琵嘴鷸" }],
            [new SpeciesName { ScientificName = "Calidris pygmaea", Language = NameLanguage.Ko, Name = "넓적부리도요" }]);
        Assert.Equal("Calidris pygmaea", resolver.Resolve("琵嘴鹬"));
        Assert.Equal("Calidris pygmaea", resolver.Resolve("넓적부리도요"));
    }

    [Fact]
    public void Every_seed_traditional_name_folds_to_its_simplified_name_except_where_the_words_differ()
    {
        // The two checklists agree word for word for eight of the nine seed species, so folding Taiwan's name must give
        // the mainland's; for the spoonbill the words differ (面 "face" against 脸 "face", a different word).
        foreach (var s in SpeciesCatalogue.Seed)
        {
            Assert.NotNull(s.NameZhHant);
            if (s.ScientificName == SpeciesCatalogue.BlackFacedSpoonbill)
            {
                Assert.Equal("黑面琵鹭", HanFolding.Fold(s.NameZhHant));
                Assert.NotEqual(s.NameZh, HanFolding.Fold(s.NameZhHant));
            }
            else
            {
                Assert.Equal(s.NameZh, HanFolding.Fold(s.NameZhHant));
            }
        }
    }

    [Fact]
    public void The_folding_table_is_unihan_s()
    {
        // Unihan_Variants.txt (Unicode 15.0) holds "U+9DFA kSimplifiedVariant U+9E6D" (鷺 -> 鹭) and, only backwards,
        // "U+4D19 kTraditionalVariant U+9DFF U+9E0A" (鷿 and 鸊 -> 䴙, the grebe's character). 著 and 乾 list
        // themselves among their simplified variants: they are Simplified characters too and stay. 說 and 説 are one
        // character's two code points (kZVariant) and both fold to 说. 鷄 is only a semantic variant of 雞: not folded.
        Assert.Equal("鹭䴙䴙著乾说说鷄", HanFolding.Fold("鷺鷿鸊著乾說説鷄"));
        Assert.InRange(HanFolding.Count, 6_000, 7_000);
        Assert.Equal("Hooded Crane ナベヅル 흑두루미", HanFolding.Fold("Hooded Crane ナベヅル 흑두루미"));
    }

    [Fact]
    public void A_supplementary_plane_target_folds_whole()
    {
        // 鵟 (U+9D5F, buzzard) has the Simplified variant U+2B6ED, outside the BMP: a surrogate pair, one character.
        Assert.Equal("\U0002B6ED", HanFolding.Fold("鵟"));
        Assert.Equal(1, NameUnits.Of(HanFolding.Fold("鵟")).Count);
    }

    [Theory]
    [InlineData("黑面琵鹭鸟", "黑面琵鹭 (Platalea minor)")]       // one character too many; shown in the writer's Simplified
    [InlineData("黑面琵鷺鳥", "黑面琵鷺 (Platalea minor)")]       // the same in Traditional, shown as stored
    [InlineData("Hooded Crain", "Hooded Crane (Grus monacha)")]  // two letters
    [InlineData("Grus monacah", "Grus monacha")]                 // one swap of adjacent letters
    [InlineData("흑두루비", "흑두루미 (Grus monacha)")]            // one syllable
    [InlineData("ナベズル", "ナベヅル (Grus monacha)")]
    [InlineData("Grus vipo", "Grus vipio (Antigone vipio)")]     // a synonym is a name too
    public void An_unknown_name_gets_the_closest_catalogue_name(string written, string suggestion)
    {
        var resolver = Seed();
        Assert.Null(resolver.Resolve(written));
        Assert.Equal(suggestion, resolver.Suggest(written)[0].ToString());
    }

    [Theory]
    [InlineData("Anas platyrhynchos")]  // a real species the seed catalogue lacks
    [InlineData("Spoonbill")]           // part of a name is many edits from all of it
    [InlineData("黑鹭")]                // Black Heron: two characters from 白琵鹭 and from 黑脸琵鹭
    [InlineData("Kurotsurahera")]       // the romanised Japanese name shares no character with the Katakana
    public void A_name_far_from_every_catalogue_name_gets_no_suggestion(string written) =>
        Assert.Empty(Seed().Suggest(written));

    [Fact]
    public void Suggestions_are_of_different_species_closest_first()
    {
        // "White-naped Crane" with two letters wrong, and no other name within a quarter of its 17 letters.
        var resolver = Seed();
        var close = resolver.Suggest("Whte-naped Crene");
        var first = Assert.Single(close);
        Assert.Equal(("White-naped Crane", "Antigone vipio", 2), (first.Name, first.ScientificName, first.Distance));
        // 백두루미 is one syllable from 두루미 (Red-crowned), 재두루미 (White-naped) and 흑두루미 (Hooded Crane): all three,
        // the shorter name first, then in code point order (재 U+C7AC before 흑 U+D751).
        var cranes = resolver.Suggest("백두루미");
        Assert.Equal(["Grus japonensis", "Antigone vipio", "Grus monacha"], cranes.Select(s => s.ScientificName).ToList());
    }
}
