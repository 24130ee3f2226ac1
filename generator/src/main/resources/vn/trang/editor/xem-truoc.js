/*
 * Trang: the preview pane of Decap CMS shows the entry as Trang renders it.
 *
 * Loaded after decap-cms.js by each site's quan-tri/index.html, whose script tag names the site
 * (data-site) and its collections (data-collections). For every collection it registers a preview
 * template that sends the entry, as a Markdown file with JSON front matter (JSON is YAML), to
 * `trang serve` (POST /_trang/xem-truoc/<site>/<collection>/<file>) a moment after the last
 * keystroke, and shows the page it answers in a sandboxed frame: the site's templates, CSS,
 * sanitizer and citation links, with the entry's errors and warnings on top. Where no such
 * endpoint answers (the published editor, on the province's web server) the pane says where the
 * branch's preview build is instead. Nothing here loads from another host.
 */
(function () {
  'use strict';
  var script = document.currentScript;
  var CMS = window.CMS;
  if (!script || !CMS || !window.createClass || !window.h) {
    return;
  }
  var h = window.h;
  var site = script.getAttribute('data-site') || '';
  var collections = (script.getAttribute('data-collections') || '').split(/\s+/).filter(Boolean);
  var ENDPOINT = '/_trang/xem-truoc/';
  var DELAY_MS = 400;
  /** Once the endpoint is known to be absent, the pane stops asking. */
  var absent = false;

  /** Drops what an empty field leaves ("", null, [], {}), as a file written by hand would. */
  function clean(value) {
    if (Array.isArray(value)) {
      var list = value.map(clean).filter(function (v) { return v !== undefined; });
      return list.length ? list : undefined;
    }
    if (value && typeof value === 'object') {
      var out = {};
      var any = false;
      Object.keys(value).forEach(function (k) {
        var v = clean(value[k]);
        if (v !== undefined) {
          out[k] = v;
          any = true;
        }
      });
      return any ? out : undefined;
    }
    if (value === null || value === undefined || value === '') {
      return undefined;
    }
    return value;
  }

  /** The entry as a file: JSON front matter, one key a line, then the body. */
  function fileText(entry) {
    var data = entry.get('data');
    data = data && data.toJS ? data.toJS() : {};
    var body = typeof data.body === 'string' ? data.body : '';
    delete data.body;
    return '---\n' + JSON.stringify(clean(data) || {}, null, 2) + '\n---\n' + body;
  }

  function fileName(entry) {
    var path = entry.get('path') || '';
    return path.substring(path.lastIndexOf('/') + 1);
  }

  var FRAME_STYLE = { display: 'block', width: '100%', height: '100vh', border: '0', background: '#fff' };
  var NOTE_STYLE = { margin: '1em', padding: '1em', border: '1px solid #ccc', borderRadius: '4px',
    font: '15px/1.5 system-ui, sans-serif', color: '#222', background: '#f7f7f7' };

  function note() {
    return h('div', { style: NOTE_STYLE, role: 'note' },
      h('p', { style: { margin: '0 0 .5em', fontWeight: 'bold' } }, 'Máy chủ này không dựng bản xem trước khi đang soạn.'),
      h('p', { style: { margin: '0 0 .5em' } },
        'Sau khi bấm Lưu, hệ thống dựng bài trên nhánh của nó thành một bản xem trước riêng: khi dựng xong, '
        + 'nút “Xem trước” hiện trên thanh công cụ của trình soạn thảo; địa chỉ cũng có trong kết quả '
        + 'chạy CI của nhánh (hỏi quản trị cổng).'),
      h('p', { style: { margin: '0' } },
        'Trên máy của mình, chạy trang serve --edit để thấy bản xem trước ngay khi gõ.'));
  }

  var Preview = window.createClass({
    getInitialState: function () {
      return { html: null, absent: absent };
    },
    componentDidMount: function () {
      this.sent = 0;
      this.schedule();
    },
    componentDidUpdate: function (previous) {
      if (previous.entry !== this.props.entry) {
        this.schedule();
      }
    },
    componentWillUnmount: function () {
      clearTimeout(this.timer);
      this.gone = true;
    },
    schedule: function () {
      clearTimeout(this.timer);
      if (!absent) {
        this.timer = setTimeout(this.send, DELAY_MS);
      }
    },
    send: function () {
      var self = this;
      var entry = self.props.entry;
      var collection = self.props.collection ? self.props.collection.get('name') : entry.get('collection');
      var url = ENDPOINT + encodeURIComponent(site) + '/' + encodeURIComponent(collection) + '/'
        + encodeURIComponent(fileName(entry));
      var n = ++self.sent;
      fetch(url, { method: 'POST', headers: { 'Content-Type': 'text/markdown; charset=utf-8' }, body: fileText(entry) })
        .then(function (r) {
          // 404 or 405: a static server, not trang serve
          if (r.status === 404 || r.status === 405 || r.status === 501) {
            throw new Error('no endpoint');
          }
          return r.text();
        })
        .then(function (html) {
          if (!self.gone && n === self.sent) {
            self.setState({ html: html });
          }
        }, function () {
          absent = true;
          if (!self.gone) {
            self.setState({ absent: true });
          }
        });
    },
    render: function () {
      if (this.state.absent) {
        return note();
      }
      if (this.state.html === null) {
        return h('p', { style: NOTE_STYLE }, 'Đang dựng bản xem trước…');
      }
      // sandbox: the page is Trang's own, and runs no script even if one got past the sanitizer
      return h('iframe', { title: 'Bản xem trước', sandbox: '', srcDoc: this.state.html, style: FRAME_STYLE });
    }
  });

  CMS.registerPreviewStyle('html,body{margin:0;padding:0}', { raw: true });
  collections.forEach(function (name) {
    CMS.registerPreviewTemplate(name, Preview);
  });
}());
