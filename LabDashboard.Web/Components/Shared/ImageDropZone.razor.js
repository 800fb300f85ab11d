// Moves dropped or pasted files into the drop zone's <input type=file> and fires 'change', so
// Blazor's InputFile streams them like a picked file (bytes never pass through JS interop).
export function bind(zone, input, pasteAnywhere) {
    const hand = (files) => {
        const image = [...files].find((f) => f.type.startsWith('image/')) ?? files[0];
        if (!image || input.disabled) return;
        const transfer = new DataTransfer();
        transfer.items.add(image);
        input.files = transfer.files;
        input.dispatchEvent(new Event('change', { bubbles: true }));
    };
    const over = (e) => { e.preventDefault(); zone.classList.add('image-drop-zone--over'); };
    const leave = () => zone.classList.remove('image-drop-zone--over');
    const drop = (e) => { e.preventDefault(); leave(); if (e.dataTransfer?.files?.length) hand(e.dataTransfer.files); };
    const paste = (e) => { if (e.clipboardData?.files?.length) { e.preventDefault(); hand(e.clipboardData.files); } };
    const pasteTarget = pasteAnywhere ? document : zone;
    zone.addEventListener('dragover', over);
    zone.addEventListener('dragleave', leave);
    zone.addEventListener('drop', drop);
    pasteTarget.addEventListener('paste', paste);
    return {
        dispose() {
            zone.removeEventListener('dragover', over);
            zone.removeEventListener('dragleave', leave);
            zone.removeEventListener('drop', drop);
            pasteTarget.removeEventListener('paste', paste);
        },
    };
}
