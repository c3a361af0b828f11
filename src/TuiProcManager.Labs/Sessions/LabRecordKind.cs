namespace TuiProcManager.Labs.Sessions;

/// <summary>What a <see cref="LabRecord"/> records.</summary>
public enum LabRecordKind
{
    /// <summary>An answer to the current step's question (right or wrong).</summary>
    Answer,

    /// <summary>A hint shown for the current step.</summary>
    Hint,
}
