using System.ComponentModel.DataAnnotations;

namespace Autonomy.Core.Discovery;

/// <summary>
/// Options of duplicate detection (section <c>Autonomy:Discovery:Duplicates</c>). A pair is reported when its code
/// has the same structure, or when it does the same job by meaning and its code is at least loosely alike. Meaning
/// alone is not enough: tools of one family ("parse a date", "parse a time") read alike yet do different jobs.
/// Signatures made under one set of shingle, hash and seed options can only be compared under the same set.
/// </summary>
public sealed class DuplicateOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Autonomy:Discovery:Duplicates";

    /// <summary>Default tokens per shingle: five tokens span a short statement such as <c>id = id . id ( )</c>.</summary>
    public const int DefaultShingleLength = 5;

    /// <summary>Default MinHash functions: 144 give a Jaccard estimate within about ±0.035 (one standard error) near 0.8.</summary>
    public const int DefaultHashFunctions = 144;

    /// <summary>
    /// Default LSH bands: 24 bands of 6 rows make a pair a candidate with probability 1 − (1 − J⁶)²⁴: 0.9993 at
    /// Jaccard 0.8 and 0.9999 at 0.85, but 0.31 at 0.5 and 0.017 at 0.3. Structural banding only has to catch the
    /// pairs over <see cref="DefaultStructuralThreshold"/>; pairs alike in meaning come from the semantic bands. With
    /// 32 bands of 4 rows, tools sharing only boilerplate (Jaccard 0.3–0.5) became candidates a quarter to nine
    /// tenths of the time, and at 10,000 tools judging them dominated.
    /// </summary>
    public const int DefaultBands = 24;

    /// <summary>
    /// Default structural similarity at which two tools are duplicates whatever they say they do. Renamed copies
    /// score 1. Among the sample tools the most alike different pair, country_info and currency_format (two
    /// dictionary lookups), scores about 0.47 from the boilerplate every tool shares (reading inputs, throwing on bad
    /// ones); random generated tools score 0.32 with each other on average.
    /// </summary>
    public const double DefaultStructuralThreshold = 0.8;

    /// <summary>
    /// Default embedding cosine at which two tools do the same job by meaning. MiniLM gives the sample tools at most
    /// about 0.46 with each other.
    /// </summary>
    public const double DefaultSemanticThreshold = 0.9;

    /// <summary>Default structural similarity a pair alike in meaning must also reach.</summary>
    public const double DefaultSemanticStructuralFloor = 0.3;

    /// <summary>
    /// Default bands of random-hyperplane bits for finding pairs alike in meaning: 32 bands of 12 bits make a pair of
    /// cosine 0.9 a candidate with probability 0.996 and a pair of cosine 0.3 with about 0.06.
    /// </summary>
    public const int DefaultSemanticBands = 32;

    /// <summary>Default bits per semantic band.</summary>
    public const int DefaultSemanticBitsPerBand = 12;

    /// <summary>Default seed of the hash functions and hyperplanes.</summary>
    public const long DefaultSeed = 0x5EED_D15C_0FE2;

    /// <summary>Tokens per shingle.</summary>
    /// <value>Defaults to <see cref="DefaultShingleLength"/>.</value>
    [Range(1, 32)]
    public int ShingleLength { get; set; } = DefaultShingleLength;

    /// <summary>MinHash functions per signature; a multiple of <see cref="Bands"/>.</summary>
    /// <value>Defaults to <see cref="DefaultHashFunctions"/>.</value>
    [Range(1, 4_096)]
    public int HashFunctions { get; set; } = DefaultHashFunctions;

    /// <summary>LSH bands the signature is cut into; each holds <see cref="HashFunctions"/> / <see cref="Bands"/> rows.</summary>
    /// <value>Defaults to <see cref="DefaultBands"/>.</value>
    [Range(1, 4_096)]
    public int Bands { get; set; } = DefaultBands;

    /// <summary>The estimated Jaccard similarity of shingles at which a pair is reported.</summary>
    /// <value>Defaults to <see cref="DefaultStructuralThreshold"/>.</value>
    [Range(0.0, 1.0)]
    public double StructuralThreshold { get; set; } = DefaultStructuralThreshold;

    /// <summary>The embedding cosine at which a pair is alike in meaning.</summary>
    /// <value>Defaults to <see cref="DefaultSemanticThreshold"/>.</value>
    [Range(-1.0, 1.0)]
    public double SemanticThreshold { get; set; } = DefaultSemanticThreshold;

    /// <summary>The structural similarity a pair alike in meaning must also reach to be reported.</summary>
    /// <value>Defaults to <see cref="DefaultSemanticStructuralFloor"/>.</value>
    [Range(0.0, 1.0)]
    public double SemanticStructuralFloor { get; set; } = DefaultSemanticStructuralFloor;

    /// <summary>Bands of random-hyperplane bits used to find pairs alike in meaning.</summary>
    /// <value>Defaults to <see cref="DefaultSemanticBands"/>.</value>
    [Range(1, 1_024)]
    public int SemanticBands { get; set; } = DefaultSemanticBands;

    /// <summary>Bits per semantic band.</summary>
    /// <value>Defaults to <see cref="DefaultSemanticBitsPerBand"/>.</value>
    [Range(1, 32)]
    public int SemanticBitsPerBand { get; set; } = DefaultSemanticBitsPerBand;

    /// <summary>The seed of the hash functions and hyperplanes.</summary>
    /// <value>Defaults to <see cref="DefaultSeed"/>.</value>
    public long Seed { get; set; } = DefaultSeed;
}
