namespace TiepCongDan.Hub.Tests.Access;

/// <summary>The route table and the audit tests share one seeded hub (seeding takes a while: two sealed archive sessions).</summary>
[CollectionDefinition(Name)]
public sealed class AccessCollection : ICollectionFixture<AccessWorld>
{
    public const string Name = "province-scoped access";
}
