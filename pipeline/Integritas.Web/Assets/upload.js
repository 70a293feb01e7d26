// Drag-and-drop onto the upload form and a progress bar while the files are sent. Without this script the
// form still works as a plain multipart POST.
(function () {
  var form = document.getElementById('upload-form');
  if (!form) { return; }
  var input = document.getElementById('files');
  var zone = document.getElementById('dropzone');
  var list = document.getElementById('chosen');
  var bar = document.getElementById('progress');
  var text = document.getElementById('progress-text');
  function show() {
    list.textContent = '';
    Array.prototype.forEach.call(input.files, function (f) {
      var li = document.createElement('li');
      li.textContent = f.name + ' (' + (f.size / 1024).toLocaleString('id-ID', { maximumFractionDigits: 0 }) + ' KiB)';
      list.appendChild(li);
    });
  }
  input.addEventListener('change', show);
  ['dragenter', 'dragover'].forEach(function (e) { zone.addEventListener(e, function (ev) { ev.preventDefault(); zone.classList.add('over'); }); });
  ['dragleave', 'drop'].forEach(function (e) { zone.addEventListener(e, function (ev) { ev.preventDefault(); zone.classList.remove('over'); }); });
  zone.addEventListener('drop', function (ev) { input.files = ev.dataTransfer.files; show(); });
  form.addEventListener('submit', function (ev) {
    if (!window.XMLHttpRequest || !window.FormData) { return; }
    ev.preventDefault();
    var xhr = new XMLHttpRequest();
    xhr.open('POST', form.getAttribute('action') || window.location.pathname);
    bar.hidden = false; text.hidden = false;
    document.getElementById('upload-button').disabled = true;
    xhr.upload.addEventListener('progress', function (p) {
      if (p.lengthComputable) {
        bar.value = Math.round(p.loaded / p.total * 100);
        text.textContent = 'Mengirim ' + bar.value + '%';
      }
    });
    xhr.upload.addEventListener('load', function () { text.textContent = 'Terkirim; memeriksa dan memuat berkas…'; });
    xhr.addEventListener('load', function () {
      document.open(); document.write(xhr.responseText); document.close();
      history.replaceState(null, '', window.location.pathname);
    });
    xhr.addEventListener('error', function () { text.textContent = 'Pengiriman gagal; periksa sambungan lalu coba lagi.'; document.getElementById('upload-button').disabled = false; });
    xhr.send(new FormData(form));
  });
})();
