"""The term graph: relations both ways, backlinks, and automatic term links."""
