// The namespaces most files of this project use, once; a file's own using list names only what is particular to it.
global using Microsoft.EntityFrameworkCore;
global using SendWorkflow.Persistence.Entities;
global using SendWorkflow.Workflows.Runtime;
global using SendWorkflow.Workflows.Stores;
