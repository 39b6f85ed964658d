// The namespaces most files of this project use, once; a file's own using list names only what is particular to it.
global using System.Net;
global using System.Net.Http.Json;
global using System.Text.Json.Nodes;
global using SendWorkflow.Host.Tests.Infrastructure;
