// The namespaces most files of this project use, once; a file's own using list names only what is particular to it.
global using Microsoft.Playwright;
global using SendWorkflow.Studio.Tests.Infrastructure;
global using static Microsoft.Playwright.Assertions;
