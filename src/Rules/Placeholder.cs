namespace SendWorkflow.Rules;
internal static class Placeholder;
