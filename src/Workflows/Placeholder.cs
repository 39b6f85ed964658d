namespace SendWorkflow.Workflows;
internal static class Placeholder;
