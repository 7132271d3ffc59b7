namespace LogPipeline.Gherkin;

/// <summary>Marks a class whose methods are step definitions or hooks (Reqnroll's <c>[Binding]</c>).</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class BindingAttribute : Attribute;
