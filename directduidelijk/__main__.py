from directduidelijk.cli import main

main()
