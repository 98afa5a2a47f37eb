namespace Autonomy.Abstractions.Grains;

/// <summary>What acknowledging an alert did.</summary>
public enum AlertAcknowledgementStatus
{
    /// <summary>The alert is now acknowledged.</summary>
    Acknowledged = 0,

    /// <summary>No alert has that id.</summary>
    NotFound = 1,

    /// <summary>The alert was acknowledged before; nothing changed.</summary>
    AlreadyAcknowledged = 2,
}
