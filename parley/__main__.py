from parley.present.cli import main

main()
