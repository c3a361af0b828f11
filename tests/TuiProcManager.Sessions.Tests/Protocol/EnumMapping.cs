namespace TuiProcManager.Sessions.Tests.Protocol;

/// <summary>A pair of enums (Core's, the protocol's) and the two mapping functions between them, checked as a whole.</summary>
internal sealed class EnumMapping
{
    private EnumMapping(Action assertBijection, Func<int, object> toCoreFromNumber)
    {
        AssertBijection = assertBijection;
        ToCoreFromNumber = toCoreFromNumber;
    }

    /// <summary>
    /// Fails unless every Core value maps to the wire and back to itself, and every wire value to Core and back:
    /// then the mapping is one to one and onto, with nothing left out on either side.
    /// </summary>
    public Action AssertBijection { get; }

    /// <summary>Maps the wire value with this number to Core (as a peer's number, known or not, would be).</summary>
    public Func<int, object> ToCoreFromNumber { get; }

    public static EnumMapping Of<TCore, TWire>(Func<TCore, TWire> toWire, Func<TWire, TCore> toCore)
        where TCore : struct, Enum
        where TWire : struct, Enum =>
        new(
            () =>
            {
                foreach (TCore value in Enum.GetValues<TCore>())
                {
                    Assert.Equal(value, toCore(toWire(value)));
                }

                foreach (TWire value in Enum.GetValues<TWire>())
                {
                    Assert.Equal(value, toWire(toCore(value)));
                }
            },
            number => toCore((TWire)Enum.ToObject(typeof(TWire), number)));
}
