"""Imports: one component that brings CSV and XLSX files into any area that declares an importer."""
