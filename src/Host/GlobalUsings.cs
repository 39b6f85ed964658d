// The namespaces most files of this project use, once; a file's own using list names only what is particular to it.
global using Microsoft.EntityFrameworkCore;
global using SendWorkflow.Host.Security;
global using SendWorkflow.Persistence;
global using SendWorkflow.Persistence.Entities;
global using SendWorkflow.Send.Access;
global using SendWorkflow.Send.Audit;
global using SendWorkflow.Send.Problems;
global using SendWorkflow.Workflows.Calendars;
global using SendWorkflow.Workflows.Runtime;
