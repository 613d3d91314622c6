namespace CommunitySafety.Assessment.Tests.Store;

/// <summary>Tests that share one sample store, run one after another (the store has one connection).</summary>
[CollectionDefinition(nameof(SampleStoreCollection))]
public sealed class SampleStoreCollection : ICollectionFixture<SampleStore>;
