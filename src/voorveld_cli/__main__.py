from voorveld_cli.cli.entry import main

main()
