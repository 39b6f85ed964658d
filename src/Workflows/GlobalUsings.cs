// The namespaces most files of this project use, once; a file's own using list names only what is particular to it.
global using SendWorkflow.Rules;
global using SendWorkflow.Workflows.Calendars;
global using SendWorkflow.Workflows.Definitions;
global using SendWorkflow.Workflows.Runtime;
global using SendWorkflow.Workflows.Runtime.Concurrency;
global using SendWorkflow.Workflows.Runtime.Factories;
global using SendWorkflow.Workflows.Runtime.Journal;
global using SendWorkflow.Workflows.Runtime.Transitions;
global using SendWorkflow.Workflows.Stores;
