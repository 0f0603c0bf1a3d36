from caselint.cli.app import main

main()
