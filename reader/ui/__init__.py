"""The Textual reader app. Import ``reader.ui.app.ReaderApp``; only this
package (and the CLI's app path) imports Textual."""
