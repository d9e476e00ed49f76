from voorveld_cli.cli.app import main

main()
